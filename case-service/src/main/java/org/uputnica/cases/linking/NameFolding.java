package org.uputnica.cases.linking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Folds a name key ({@code Names.key}: lower-case ASCII, words separated by spaces, several names by {@code |}) so
 * that the spellings one name gets when it is written down from Arabic, Persian or Pashto, in English, French or
 * Serbian/Bosnian habits, come out alike. Each rule stands for one known source of variation, nothing is tuned to
 * examples:
 * <ul>
 *     <li>digraphs for one sound: {@code kh → h} and {@code gh → g} (Arabic خ and غ, which Serbian and Bosnian write
 *     h and g: Khalid/Halid), {@code sh → s}, {@code ch → c}, {@code zh → z} (English for š, č/ć, ž, which the key
 *     already strips to s, c, z), {@code ph → f};</li>
 *     <li>{@code dz → j}: Serbian dž (key {@code dz}) is English j (Džamal/Jamal);</li>
 *     <li>letters the Serbian and Bosnian alphabets lack: {@code q → k}, {@code w → v}, {@code x → ks};</li>
 *     <li>{@code y} is the sound Serbian writes j before a vowel (Yusuf/Jusuf) and a vowel i elsewhere (Aly/Ali);</li>
 *     <li>{@code ee → i} (English long i: Ameer/Amir), {@code o → u} (Arabic has no o: its u is written o or u:
 *     Mohammad/Muhammad, Omar/Umar; so {@code ou} and {@code oo} become u too: Youssef/Jusuf);</li>
 *     <li>double letters are single (Arabic shadda, and English habit: Hassan/Hasan, Mohammad/Muhamad);</li>
 *     <li>a word-final h after a or e is silent (Persian ه: Fatemeh/Fateme, Abdullah/Abdulla).</li>
 * </ul>
 * The database has the same rules in the function {@code linking_fold} (migration {@code V3_5__record_links}), on
 * which the trigram index of candidate names is built; {@code RecordLinkingTest} checks that both fold alike.
 */
public final class NameFolding {
    /** In order: a later rule sees what the earlier ones made. */
    private static final List<Rule> RULES = List.of(
            new Rule("kh", "h"), new Rule("gh", "g"), new Rule("sh", "s"), new Rule("ch", "c"),
            new Rule("zh", "z"), new Rule("ph", "f"),
            new Rule("dz", "j"), new Rule("q", "k"), new Rule("w", "v"), new Rule("x", "ks"),
            new Rule("y(?=[aeiou])", "j"), new Rule("y", "i"),
            new Rule("ee", "i"), new Rule("o", "u"),
            new Rule("([a-z])\\1+", "$1"),
            new Rule("([ae])h(?=[ |]|$)", "$1"));

    private NameFolding() {
    }

    /** The folded form of a name key (several names stay separated by {@code |}). */
    public static String fold(String nameKey) {
        String folded = nameKey == null ? "" : nameKey;
        for (Rule rule : RULES) {
            folded = rule.pattern.matcher(folded).replaceAll(rule.replacement);
        }
        return folded;
    }

    /** The words of one folded name. */
    public static List<String> tokens(String foldedName) {
        return foldedName.isBlank() ? List.of() : Arrays.asList(foldedName.strip().split(" +"));
    }

    /** The name's words with each pair of neighbouring words written as one, a variant per pair. */
    static List<List<String>> joinedNeighbours(List<String> tokens) {
        List<List<String>> variants = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            List<String> joined = new ArrayList<>(tokens.subList(0, i));
            joined.add(tokens.get(i) + tokens.get(i + 1));
            joined.addAll(tokens.subList(i + 2, tokens.size()));
            variants.add(joined);
        }
        return variants;
    }

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }
}
