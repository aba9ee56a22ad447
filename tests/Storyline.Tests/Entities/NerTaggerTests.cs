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
        Assert.True(result.F1 >= 0.92, $"dev F1 {result.F1}");
    }
}
