package dev.affinity.training.item2vec;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.sequencevectors.iterators.AbstractSequenceIterator;
import org.deeplearning4j.models.sequencevectors.sequence.Sequence;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fits item embeddings with DL4J's {@link Word2Vec}: skip-gram with negative sampling (no
 * hierarchical softmax, no down-sampling of frequent items) over sequences of item positions, each
 * item a token. The sequences are handed over as DL4J {@link Sequence}s, so no text tokenizer sits
 * in between.
 *
 * <p>Determinism: with one worker, DL4J draws the initial vectors and the negative samples from the
 * seed and walks the sequences in order, and the same data and parameters give the same vectors on
 * every run on the same machine (a test checks this on a small fixture; ND4J's native
 * OpenMP threads did not change that here). With more workers the sequences are shared
 * out between threads that update the same vectors without locks, so results vary from run to run.
 */
public final class Item2Vec {
    private final Item2VecParameters parameters;

    /** Item2vec with these hyperparameters. */
    public Item2Vec(Item2VecParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * Trains on {@code sequences} of item positions in {@code [0, items)}.
     *
     * @throws IllegalArgumentException when no sequence has two items
     */
    public ItemVectors fit(List<int[]> sequences, int items) {
        List<Sequence<VocabWord>> corpus = new ArrayList<>(sequences.size());
        for (int[] s : sequences) {
            if (s.length < 2) {
                continue; // a lone item has no context: nothing to learn from it
            }
            Sequence<VocabWord> sequence = new Sequence<>();
            for (int item : s) {
                if (item < 0 || item >= items) {
                    throw new IllegalArgumentException("item position " + item + " outside [0, " + items + ")");
                }
                sequence.addElement(new VocabWord(1.0, Integer.toString(item)));
            }
            corpus.add(sequence);
        }
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("item2vec needs at least one sequence of two or more items");
        }
        Item2VecParameters p = parameters;
        Word2Vec w2v = new Word2Vec.Builder()
                .iterate(new AbstractSequenceIterator.Builder<>(corpus).build())
                .elementsLearningAlgorithm(new SkipGram<>())
                .layerSize(p.dimensions())
                .windowSize(p.window())
                .negativeSample(p.negativeSamples())
                .useHierarchicSoftmax(false)
                .sampling(0)
                .epochs(p.epochs())
                .iterations(1)
                .minWordFrequency(p.minCount())
                .learningRate(p.learningRate())
                .minLearningRate(1e-4)
                .seed(p.seed())
                .workers(p.threads())
                .allowParallelTokenization(false)
                .build();
        w2v.fit();
        int d = p.dimensions();
        float[] data = new float[items * d];
        int trained = 0;
        for (int i = 0; i < items; i++) {
            String token = Integer.toString(i);
            if (!w2v.hasWord(token)) {
                continue;
            }
            INDArray v = w2v.getWordVectorMatrix(token);
            for (int c = 0; c < d; c++) {
                data[i * d + c] = v.getFloat(c);
            }
            trained++;
        }
        return new ItemVectors(items, d, data, trained);
    }
}
