package dev.affinity.models.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeObjectInputTest {
    /** A serializable class outside every allow-list, standing in for a gadget. */
    record Gadget(String command) implements Serializable {}

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void allowedClassesAreRead() throws Exception {
        HashMap<String, ArrayList<Double>> model = new HashMap<>();
        model.put("weights", new ArrayList<>(List.of(0.5, -1.25)));
        Object read = SafeObjectInput.read(new ByteArrayInputStream(serialize(model)), List.of());
        assertThat(read).isEqualTo(model);
        double[][] matrix = {{1, 2}, {3, 4}};
        assertThat((double[][]) SafeObjectInput.read(new ByteArrayInputStream(serialize(matrix)), List.of()))
                .isDeepEqualTo(matrix);
    }

    @Test
    void anythingElseIsRefusedBeforeItIsBuilt() throws Exception {
        byte[] gadget = serialize(new Gadget("rm -rf /"));
        assertThatThrownBy(() -> SafeObjectInput.read(new ByteArrayInputStream(gadget), List.of("smile.")))
                .isInstanceOf(InvalidClassException.class);
        byte[] nested = serialize(new ArrayList<>(List.of(new Gadget("x"))));
        assertThatThrownBy(() -> SafeObjectInput.read(new ByteArrayInputStream(nested), List.of()))
                .isInstanceOf(InvalidClassException.class);
        // An allowed package prefix lets the class through.
        Object allowed =
                SafeObjectInput.read(new ByteArrayInputStream(gadget), List.of("dev.affinity.models.artifact."));
        assertThat(allowed).isEqualTo(new Gadget("rm -rf /"));
    }
}
