package dev.affinity.training.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** JSON Lines: one object per customer, snake_case keys, {@code null} for missing values. */
final class JsonlExportWriter implements ExportWriter {
    private final Writer out;
    private final JsonGenerator json;

    JsonlExportWriter(Writer out) throws IOException {
        this.out = out;
        this.json = new JsonFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void write(ExportRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("customer_id", row.customerId());
        array("recommendations", row.recommendations());
        json.writeStringField("recommendation_source", row.recommendationSource());
        if (row.churnScore() == null) {
            json.writeNullField("churn_score");
        } else {
            json.writeNumberField("churn_score", row.churnScore());
        }
        json.writeStringField("churn_tier", row.churnTier());
        array("segments", row.segments());
        json.writeObjectFieldStart("tokens");
        for (Map.Entry<String, String> t : row.tokens().entrySet()) {
            json.writeStringField(t.getKey(), t.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        out.write('\n');
    }

    private void array(String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    @Override
    public void close() throws IOException {
        json.close();
        out.close();
    }
}
