package com.sparkgan.config;

import java.util.Collection;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
final class NearestName {
    private NearestName() {
    }

    static String among(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(wrong, candidate);
            if (sameWordsPrefix(wrong, candidate)) {
                distance = Math.min(distance, section(wrong).equals(section(candidate)) ? 1 : 2);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best;
    }

    /** One last part starts the other, hyphens ignored: batchsize, batch-size-per-worker. */
    private static boolean sameWordsPrefix(String wrong, String candidate) {
        String a = lastPart(wrong).replace("-", "");
        String b = lastPart(candidate).replace("-", "");
        return !a.isEmpty() && !b.isEmpty() && (a.startsWith(b) || b.startsWith(a));
    }

    private static String section(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static String lastPart(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Levenshtein distance with two rolling rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
