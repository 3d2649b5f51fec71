package org.uputnica.cases.linking;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two names are, from 0 to 1, whatever the order of their words (family name first or last). Each word
 * of the shorter name is paired with its most similar word of the other (Jaro-Winkler on folded words, each word
 * used once); the name similarity is the <em>product</em> of the pairs' similarities, so every word must agree:
 * sharing a common given name (Mohammad) with a different family name is not enough. Each word of the longer name
 * left without a pair (a second given name recorded by one agency only) costs a factor {@value #UNPAIRED_WORD}.
 * A one-word name (a nickname among the other names) is compared with one-word names only: one word alone is too
 * weak to pair with a full name.
 */
final class NameSimilarity {
    static final double UNPAIRED_WORD = 0.9;
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /** The best similarity between any name of one person and any name of the other (folded word lists). */
    static double best(List<List<String>> names, List<List<String>> otherNames) {
        double best = 0;
        for (List<String> name : names) {
            for (List<String> other : otherNames) {
                best = Math.max(best, Math.max(of(name, other), Math.max(joined(name, other), joined(other, name))));
            }
        }
        return best;
    }

    /**
     * The name with one more word than the other, two neighbouring words written as one: compound names are written
     * with or without the space (Ali Reza/Alireza, Abdul Rahman/Abdulrahman). Only to even out the word counts: joining
     * words of names of the same length would let a shared given name (muhamadrahimi/muhamadahmadi) outweigh the rest.
     */
    private static double joined(List<String> longer, List<String> shorter) {
        double best = 0;
        if (longer.size() == shorter.size() + 1) {
            for (List<String> variant : NameFolding.joinedNeighbours(longer)) {
                best = Math.max(best, of(variant, shorter));
            }
        }
        return best;
    }

    /** Two names as folded words. */
    static double of(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        if (shorter.size() == 1 && longer.size() > 1) {
            return 0;
        }
        record Pair(int s, int l, double similarity) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int s = 0; s < shorter.size(); s++) {
            for (int l = 0; l < longer.size(); l++) {
                pairs.add(new Pair(s, l, JARO_WINKLER.apply(shorter.get(s), longer.get(l))));
            }
        }
        // greedy, most similar pair first: names have a handful of words, and the best pair is rarely wrong
        pairs.sort((x, y) -> Double.compare(y.similarity, x.similarity));
        boolean[] shorterUsed = new boolean[shorter.size()];
        boolean[] longerUsed = new boolean[longer.size()];
        double product = 1;
        int paired = 0;
        for (Pair p : pairs) {
            if (!shorterUsed[p.s] && !longerUsed[p.l]) {
                shorterUsed[p.s] = true;
                longerUsed[p.l] = true;
                product *= p.similarity;
                paired++;
            }
        }
        return product * Math.pow(UNPAIRED_WORD, longer.size() - paired);
    }
}
