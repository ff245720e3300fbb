package dev.affinity.training.item2vec;

/**
 * Item embeddings, {@code items x dimensions} row-major; an item without a vector (never seen in a
 * sequence, or below the minimum count) has a zero row.
 *
 * @param items number of items
 * @param dimensions length of each vector
 * @param data the rows
 * @param trained number of items with a vector
 */
public record ItemVectors(int items, int dimensions, float[] data, int trained) {
    /** Checks the shape. */
    public ItemVectors {
        if (data.length != (long) items * dimensions) {
            throw new IllegalArgumentException(
                    data.length + " values for " + items + " x " + dimensions + " item vectors");
        }
    }

    /** A copy with every non-zero row scaled to unit length, so that dot products are cosines. */
    public ItemVectors normalized() {
        float[] out = data.clone();
        for (int i = 0; i < items; i++) {
            double sum = 0;
            for (int c = 0; c < dimensions; c++) {
                float x = out[i * dimensions + c];
                sum += x * x;
            }
            if (sum > 0) {
                float scale = (float) (1 / Math.sqrt(sum));
                for (int c = 0; c < dimensions; c++) {
                    out[i * dimensions + c] *= scale;
                }
            }
        }
        return new ItemVectors(items, dimensions, out, trained);
    }

    /** Whether item {@code i} has a vector. */
    public boolean has(int i) {
        for (int c = 0; c < dimensions; c++) {
            if (data[i * dimensions + c] != 0) {
                return true;
            }
        }
        return false;
    }
}
