using Storyline.Summaries;

namespace Storyline.Tests.Summaries;

/// <summary>The examples Porter's paper gives for each step (Program 14(3), 1980), and whole words through every step.</summary>
public class PorterStemmerTests
{
    [Theory]
    // Step 1a
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("caress", "caress")]
    [InlineData("cats", "cat")]
    // Step 1b
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("failing", "fail")]
    [InlineData("filing", "file")]
    // Step 1c
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    // Step 2 (then the later steps)
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("valenci", "valenc")]
    [InlineData("digitizer", "digit")]
    [InlineData("radicalli", "radic")]
    [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")]
    [InlineData("analogousli", "analog")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("sensibiliti", "sensibl")]
    // Step 3
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("formalize", "formal")]
    [InlineData("electriciti", "electr")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("goodness", "good")]
    // Step 4
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("adjustment", "adjust")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("homologou", "homolog")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("angulariti", "angular")]
    [InlineData("homologous", "homolog")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    // Step 5
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("roll", "roll")]
    // Words of one or two letters are left alone; "ion" goes only after s or t.
    [InlineData("is", "is")]
    [InlineData("union", "union")]
    [InlineData("generalizations", "gener")]
    public void Stems_as_the_paper_says(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Step_1b_rules_apply_only_when_the_stem_has_a_vowel_and_the_eed_rule_only_when_its_measure_is_positive()
    {
        // "sing": no vowel before "ing"; "feed": measure of "f" is 0 — both kept whole, as the paper's examples show.
        Assert.Equal("sing", PorterStemmer.Stem("sing"));
        Assert.Equal("feed", PorterStemmer.Stem("feed"));
        Assert.Equal("agre", PorterStemmer.Stem("agreed"));
    }
}
