using Storyline.Entities;
using Storyline.Eval.Ner;

namespace Storyline.Tests.Entities;

public sealed class NerTaggerTests
{
    private static ConllDocument Doc(params string[] sentences) =>
        new([.. sentences.Select(s =>
        {
            var pairs = s.Split(' ').Select(p => p.Split('/')).ToList();
            return new ConllSentence([.. pairs.Select(p => p[0])], [.. pairs.Select(p => p[1])]);
        })]);

    private static readonly ConllDocument[] Invented =
    [
        Doc("Anna/I-PER Berg/I-PER visited/O Lund/I-LOC ./O", "The/O Lund/I-ORG Bank/I-ORG grew/O ./O"),
        Doc("Karl/I-PER Ode/I-PER left/O Lund/I-LOC yesterday/O ./O", "Berg/I-PER said/O no/O ./O"),
        Doc("Rana/I-PER Sul/I-PER met/O Anna/I-PER Berg/I-PER in/O Oslo/I-LOC ./O", "Norse/I-MISC ships/O sailed/O ./O"),
        Doc("Ode/I-PER visited/O Oslo/I-LOC and/O Lund/I-LOC ./O", "The/O Oslo/I-ORG Bank/I-ORG fell/O ./O"),
    ];

    private static readonly NerTrainingOptions Tiny = new() { Epochs = 4, UseGazetteer = false, UseCasing = false };

    /// <summary>The model file's bytes.</summary>
    private static byte[] Saved(NerTagger tagger)
    {
        using var stream = new MemoryStream();
        tagger.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void IOB1_and_BIO_tags_become_BILOU_labels_and_back()
    {
        var labels = NerLabels.FromTags(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "B-MISC", "I-MISC", "I-MISC"]);
        Assert.Equal(["B-PER", "L-PER", "U-PER", "O", "U-LOC", "U-ORG", "B-MISC", "I-MISC", "L-MISC"], labels.Select(NerLabels.Name));
        Assert.Equal(["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG", "B-MISC", "I-MISC", "I-MISC"], labels.Select(NerLabels.BioName));
    }

    [Fact]
    public void Training_is_deterministic_to_the_byte_and_the_model_reloads()
    {
        var a = NerTrainer.Train(Invented, Tiny);
        Assert.Equal(Saved(a), Saved(NerTrainer.Train(Invented, Tiny)));

        using var sa = new MemoryStream(Saved(a));
        var reloaded = NerTagger.Read(sa, "memory");
        var text = "Anna Berg met Karl Ode in Oslo.";
        Assert.Equal(a.Recognize(text), reloaded.Recognize(text));
    }

    [Fact]
    public void A_trained_model_learns_its_training_data()
    {
        var tagger = NerTrainer.Train(Invented, Tiny);
        var result = NerEvaluation.Run(tagger, Invented);
        Assert.Equal(1.0, result.F1);
    }

    [Fact]
    public void Training_with_unlabeled_texts_keeps_their_types_in_the_model_deterministically()
    {
        string[] unlabeled = ["Anna Berg flew to Oslo.", "Berg met Karl Ode in Lund.", "Oslo and Lund grew.", "Anna Berg visited Oslo again."];
        var options = Tiny with { Unlabeled = unlabeled };
        var a = NerTrainer.Train(Invented, options);
        Assert.Equal(Saved(a), Saved(NerTrainer.Train(Invented, options)));

        // Oslo is tagged three times in the texts, mostly as a place: its code (1 + 3 × type + share) says LOC.
        Assert.NotNull(a.Corpus);
        var oslo = a.Corpus.Of(FeatureHash.OfFolded("Oslo"));
        Assert.Equal((int)EntityType.Location, (oslo - 1) / 3);
        Assert.Equal(0, a.Corpus.Of(FeatureHash.OfFolded("Karl")));
        using var saved = new MemoryStream(Saved(a));
        var reloaded = NerTagger.Read(saved, "memory");
        Assert.Equal(oslo, reloaded.Corpus!.Of(FeatureHash.OfFolded("Oslo")));
        Assert.Equal(a.Recognize("Karl Ode met Anna Berg in Oslo."), reloaded.Recognize("Karl Ode met Anna Berg in Oslo."));
    }

    [Fact]
    public void Multi_word_names_tagged_in_unlabeled_texts_keep_their_type_in_the_model()
    {
        string[] unlabeled = ["The Lund Bank grew again.", "Shares in the Lund Bank fell.", "Anna Berg left Oslo."];
        var a = NerTrainer.Train(Invented, Tiny with { Unlabeled = unlabeled });
        var lundBank = Gazetteer.PhraseHash(FeatureHash.OfFolded("Lund"), FeatureHash.OfFolded("Bank"));
        var code = a.Corpus!.OfPhrase(lundBank);
        Assert.Equal((int)EntityType.Organization, (code - 1) / 3);

        // Seen once only: no code.
        var annaBerg = Gazetteer.PhraseHash(FeatureHash.OfFolded("Anna"), FeatureHash.OfFolded("Berg"));
        Assert.Equal(0, a.Corpus.OfPhrase(annaBerg));
        using var saved = new MemoryStream(Saved(a));
        Assert.Equal(code, NerTagger.Read(saved, "memory").Corpus!.OfPhrase(lundBank));

        // A text's tokens inside a known phrase see its code and their place in it (first, inside, last).
        var features = new NerFeatures(null, null, null, a.Corpus);
        var ctx = features.Prepare(NerDocument.FromText("Later the Lund Bank said so."));
        Assert.Equal([0, 0, code * 4 + 1, code * 4 + 3, 0, 0, 0], ctx.Phrase!);
    }

    [Fact]
    public void A_common_first_name_marks_the_word_after_it_as_a_likely_surname()
    {
        Assert.True(Gazetteer.Default.IsFirstName(FeatureHash.OfFolded("Peter")));
        Assert.False(Gazetteer.Default.IsFirstName(FeatureHash.OfFolded("Peskov")));
        var features = new NerFeatures(Gazetteer.Default, null);
        var known = features.Prepare(NerDocument.FromText("Peter Skrzynecki said so."));
        var unknown = features.Prepare(NerDocument.FromText("Zorbq Skrzynecki said so."));
        Assert.Equal([true, false, false, false, false], known.FirstName);
        Assert.DoesNotContain(true, unknown.FirstName);

        // "Skrzynecki" gets a feature after "Peter" that it does not get after an unknown word.
        var a = new List<ulong>();
        var b = new List<ulong>();
        features.Extract(known, known.Document.Sentences[0], 1, a);
        features.Extract(unknown, unknown.Document.Sentences[0], 1, b);
        Assert.Equal(b.Count + 1, a.Count);
    }

    [Fact]
    public void A_name_seen_after_a_first_name_elsewhere_in_the_text_carries_that_to_its_bare_mentions()
    {
        var features = new NerFeatures(Gazetteer.Default, null);
        var person = features.Prepare(NerDocument.FromText("Peter Cofinec said so. Later Cofinec left."));
        var company = features.Prepare(NerDocument.FromText("Shares in Cofinec rose. Later Cofinec left."));
        var a = new List<ulong>();
        var b = new List<ulong>();
        features.Extract(person, person.Document.Sentences[1], person.Document.Sentences[1].FirstToken + 1, a);
        features.Extract(company, company.Document.Sentences[1], company.Document.Sentences[1].FirstToken + 1, b);
        Assert.Contains(NerFeatures.TAggAfterFirstName, a);
        Assert.DoesNotContain(NerFeatures.TAggAfterFirstName, b);

        // The shapes around the other mention: a capitalised word before it in one text, a lower-case one in the other.
        Assert.Contains(FeatureHash.Mix(NerFeatures.TAggPrevShape, NerFeatures.ShapeHash("Peter")), a);
        Assert.Contains(FeatureHash.Mix(NerFeatures.TAggPrevShape, NerFeatures.ShapeHash("in")), b);
    }

    [Fact]
    public void The_jackknife_fold_count_changes_the_model_and_stays_deterministic()
    {
        string[] unlabeled = ["Anna Berg flew to Oslo.", "Berg met Karl Ode in Lund.", "Oslo and Lund grew."];
        var three = Tiny with { Unlabeled = unlabeled, JackknifeFolds = 3 };
        var a = Saved(NerTrainer.Train(Invented, three));
        Assert.Equal(a, Saved(NerTrainer.Train(Invented, three)));
        Assert.NotEqual(a, Saved(NerTrainer.Train(Invented, Tiny with { Unlabeled = unlabeled })));
    }

    [Fact]
    public void The_second_pass_sees_how_the_first_pass_typed_a_words_first_mention_in_running_text()
    {
        // Headline in capitals, then "Cofinec S.A." introduced as a company, then a bare "Cofinec".
        var doc = NerDocument.FromText("COFINEC SHARES RISE\n\nShares in Cofinec S.A. rose. Later Cofinec said so.");
        var ctx = new NerFeatures(null, null).Prepare(doc);
        var org = NerLabels.FromTags(["B-ORG"])[0];
        var per = NerLabels.FromTags(["B-PER"])[0];
        var labels = new int[doc.Tokens.Length];
        var mentions = Enumerable.Range(0, doc.Tokens.Length).Where(i => doc.Tokens[i].In(doc.Text).SequenceEqual("Cofinec")).ToArray();
        Assert.Equal(2, mentions.Length);
        labels[mentions[0]] = org;
        labels[mentions[1]] = per;
        NerFeatures.SetHistory(ctx, labels);

        // Every other mention, the headline's too, sees ORG (1 + type); the first mention itself sees nothing.
        var orgCode = (byte)(1 + (int)EntityType.Organization);
        Assert.Equal(0, ctx.HistoryFirst![mentions[0]]);
        Assert.Equal(orgCode, ctx.HistoryFirst[mentions[1]]);
        Assert.Equal(orgCode, ctx.HistoryFirst[0]);
    }

    [Fact]
    public void A_file_that_is_not_a_model_gives_a_clear_error()
    {
        using var garbage = new MemoryStream([1, 2, 3, 4, 5]);
        var e = Assert.Throws<InvalidDataException>(() => NerTagger.Read(garbage, "bad.bin"));
        Assert.StartsWith("bad.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_model_finds_people_places_and_organisations_as_spans()
    {
        const string Text = "Kremlin spokesman Dmitry Peskov told reporters in Moscow that the United Nations was wrong.";
        var found = NerTagger.Default.Recognize(Text).Select(m => (Text.Substring(m.Start, m.Length), m.Type)).ToList();
        Assert.Contains(("Dmitry Peskov", EntityType.Person), found);
        Assert.Contains(("Moscow", EntityType.Location), found);
        Assert.Contains(("United Nations", EntityType.Organization), found);
    }

    [Fact]
    public void Tagging_from_many_threads_gives_the_same_answers()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"Anna Berg{i} flew from Paris to Berlin with Siemens staff on day {i}.").ToArray();
        var sequential = texts.Select(t => NerTagger.Default.Recognize(t)).ToArray();
        var parallel = new IReadOnlyList<EntityMention>[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => parallel[i] = NerTagger.Default.Recognize(texts[i]));
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void Run_dump_scores_the_same_as_the_run()
    {
        var tagger = NerTrainer.Train(Invented, Tiny);
        var held = new[] { Doc("Karl/I-PER Berg/I-PER visited/O Oslo/I-LOC ./O", "Lund/I-ORG Bank/I-ORG said/O so/O ./O") };
        using var dump = new StringWriter();
        var result = NerEvaluation.Run(tagger, held, dump);
        var rescored = NerEvaluation.ScoreDump(new StringReader(dump.ToString()), "dump");
        Assert.Equal(result.Scorer!.Overall, rescored.Overall);
        Assert.Equal(10, dump.ToString().Split('\n').Count(l => l.Length > 0));
    }

    [SharedFact]
    public void The_embedded_model_scores_well_on_conll_dev()
    {
        var docs = ConllReader.ReadFile(Path.Combine(SharedData.Data, "ner", "conll2003", "dev.conll"));
        var result = NerEvaluation.Run(NerTagger.Default, docs);
        Assert.Equal(3250, result.Sentences);
        Assert.True(result.F1 >= 0.93, $"dev F1 {result.F1}");
    }
}
