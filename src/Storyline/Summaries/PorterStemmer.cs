namespace Storyline.Summaries;

/// <summary>
/// The Porter stemmer as published (M.F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980),
/// written for this project from the paper's rules: steps 1a, 1b, 1c, 2, 3, 4, 5a, 5b, each applying the rule
/// with the longest matching suffix and stopping at it whether or not its condition holds. ROUGE stems with it,
/// so its scores compare with published ones. Words of one or two letters are left as they are (as Porter's own
/// implementation does). Input is lower-case ASCII letters and digits; digits count as consonants.
/// Stateless and thread-safe.
/// </summary>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
        "ous", "ive", "ize",
    ];

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2)
        {
            return word;
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.ApplyLongest(Step2Rules, minMeasure: 1);
        w.ApplyLongest(Step3Rules, minMeasure: 1);
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    /// <summary>A word being stemmed: a buffer and the length of its current form.</summary>
    private sealed class Word(string word)
    {
        private readonly char[] _b = word.ToCharArray();
        private int _k = word.Length;

        public override string ToString() => new(_b, 0, _k);

        public void Step1a()
        {
            if (EndsWith("sses") || EndsWith("ies"))
            {
                _k -= 2;
            }
            else if (!EndsWith("ss") && EndsWith("s"))
            {
                _k--;
            }
        }

        public void Step1b()
        {
            if (EndsWith("eed"))
            {
                if (Measure(_k - 3) > 0)
                {
                    _k--;
                }

                return;
            }

            int stem;
            if (EndsWith("ed"))
            {
                stem = _k - 2;
            }
            else if (EndsWith("ing"))
            {
                stem = _k - 3;
            }
            else
            {
                return;
            }

            if (!HasVowel(stem))
            {
                return;
            }

            _k = stem;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                Append('e');
            }
            else if (EndsWithDoubleConsonant(_k) && _b[_k - 1] is not ('l' or 's' or 'z'))
            {
                _k--;
            }
            else if (Measure(_k) == 1 && EndsCvc(_k))
            {
                Append('e');
            }
        }

        public void Step1c()
        {
            if (EndsWith("y") && HasVowel(_k - 1))
            {
                _b[_k - 1] = 'i';
            }
        }

        /// <summary>Applies the rule with the longest matching suffix when the stem's measure reaches <paramref name="minMeasure"/>.</summary>
        public void ApplyLongest((string Suffix, string Replacement)[] rules, int minMeasure)
        {
            var best = -1;
            for (var i = 0; i < rules.Length; i++)
            {
                if (EndsWith(rules[i].Suffix) && (best < 0 || rules[i].Suffix.Length > rules[best].Suffix.Length))
                {
                    best = i;
                }
            }

            if (best >= 0 && Measure(_k - rules[best].Suffix.Length) >= minMeasure)
            {
                Replace(rules[best].Suffix.Length, rules[best].Replacement);
            }
        }

        public void Step4()
        {
            string? best = null;
            foreach (var s in Step4Suffixes)
            {
                if (EndsWith(s) && (best is null || s.Length > best.Length))
                {
                    best = s;
                }
            }

            if (best is null)
            {
                return;
            }

            var stem = _k - best.Length;
            if (Measure(stem) <= 1)
            {
                return;
            }

            // "ion" goes only after s or t ("adoption" -> "adopt", "union" stays).
            if (best == "ion" && (stem == 0 || _b[stem - 1] is not ('s' or 't')))
            {
                return;
            }

            _k = stem;
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var m = Measure(_k - 1);
                if (m > 1 || (m == 1 && !EndsCvc(_k - 1)))
                {
                    _k--;
                }
            }

            if (_k >= 2 && _b[_k - 1] == 'l' && _b[_k - 2] == 'l' && Measure(_k) > 1)
            {
                _k--;
            }
        }

        private bool EndsWith(string suffix) =>
            suffix.Length <= _k && _b.AsSpan(_k - suffix.Length, suffix.Length).SequenceEqual(suffix);

        private void Replace(int suffixLength, string replacement)
        {
            _k -= suffixLength;
            foreach (var c in replacement)
            {
                Append(c);
            }
        }

        // Every replacement is no longer than the suffix it replaces, except the 'e' of step 1b after a removed
        // "ed"/"ing", so the buffer always has room.
        private void Append(char c) => _b[_k++] = c;

        /// <summary>Whether the letter at <paramref name="i"/> is a consonant in Porter's sense (y after a consonant is a vowel).</summary>
        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V] of the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                while (i < length && IsConsonant(i))
                {
                    i++;
                }

                m++;
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _b[length - 1] == _b[length - 2] && IsConsonant(length - 1);

        /// <summary>*o: the first <paramref name="length"/> letters end consonant-vowel-consonant, the last not w, x or y.</summary>
        private bool EndsCvc(int length) =>
            length >= 3 && IsConsonant(length - 1) && !IsConsonant(length - 2) && IsConsonant(length - 3)
            && _b[length - 1] is not ('w' or 'x' or 'y');
    }
}
