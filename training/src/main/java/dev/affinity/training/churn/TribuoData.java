package dev.affinity.training.churn;

import java.util.List;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Tribuo datasets from dense rows: label {@code churn} or {@code stay}, one named feature per column. */
final class TribuoData {
    static final String CHURN = "churn";
    static final String STAY = "stay";

    private TribuoData() {}

    static MutableDataset<Label> dataset(List<String> features, double[][] x, boolean[] churned) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("affinity churn table", factory), factory);
        String[] names = features.toArray(String[]::new);
        for (int r = 0; r < x.length; r++) {
            data.add(new ArrayExample<>(new Label(churned[r] ? CHURN : STAY), names, x[r]));
        }
        return data;
    }
}
