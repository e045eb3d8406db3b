package dev.epsilon.language.builtins;

/** Integers in English words, for FORMAT ~R and ~:R. */
final class EnglishNumbers {
    private EnglishNumbers() {
    }

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    private static final String[] SCALES = {"", " thousand", " million", " billion", " trillion", " quadrillion", " quintillion"};

    static String cardinal(long n) {
        if (n == 0) {
            return "zero";
        }
        if (n < 0) {
            return "negative " + cardinal(-n);
        }
        StringBuilder b = new StringBuilder();
        int scale = 0;
        long x = n;
        while (x > 0) {
            int chunk = (int) (x % 1000);
            if (chunk != 0) {
                String words = belowThousand(chunk) + SCALES[scale];
                b.insert(0, b.length() > 0 ? words + " " : words);
            }
            x /= 1000;
            scale++;
        }
        return b.toString();
    }

    private static String belowThousand(int n) {
        StringBuilder b = new StringBuilder();
        if (n >= 100) {
            b.append(ONES[n / 100]).append(" hundred");
            n %= 100;
            if (n > 0) {
                b.append(' ');
            }
        }
        if (n >= 20) {
            b.append(TENS[n / 10]);
            if (n % 10 > 0) {
                b.append('-').append(ONES[n % 10]);
            }
        } else if (n > 0) {
            b.append(ONES[n]);
        }
        return b.toString();
    }

    static String ordinal(long n) {
        String c = cardinal(n);
        String[][] irregular = {{"one", "first"}, {"two", "second"}, {"three", "third"}, {"five", "fifth"},
            {"eight", "eighth"}, {"nine", "ninth"}, {"twelve", "twelfth"}};
        for (String[] pair : irregular) {
            if (c.endsWith(pair[0])) {
                return c.substring(0, c.length() - pair[0].length()) + pair[1];
            }
        }
        if (c.endsWith("y")) {
            return c.substring(0, c.length() - 1) + "ieth";
        }
        return c + "th";
    }
}
