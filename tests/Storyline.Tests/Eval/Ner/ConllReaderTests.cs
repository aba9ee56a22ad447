using Storyline.Eval.Ner;

namespace Storyline.Tests.Eval.Ner;

public sealed class ConllReaderTests
{
    [Fact]
    public void DOCSTART_opening_documents_and_four_columns()
    {
        const string Text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        var docs = ConllReader.Read(new StringReader(Text), "x");
        Assert.Equal(2, docs.Count);
        Assert.Equal(2, docs[0].Sentences.Count);
        Assert.Equal(["EU", "rejects"], docs[0].Sentences[0].Words);
        Assert.Equal(["I-ORG", "O"], docs[0].Sentences[0].Tags);
        Assert.Equal(["Bonn"], docs[1].Sentences[0].Words);
    }

    [Fact]
    public void DOCSTART_closing_documents_and_two_columns()
    {
        const string Text = "010 I-MISC\nis O\n\nThe I-ORG\n-DOCSTART- O\nNext O\n\n-DOCSTART- O\n";
        var docs = ConllReader.Read(new StringReader(Text), "x");
        Assert.Equal(2, docs.Count);
        Assert.Equal(2, docs[0].Sentences.Count);
        Assert.Equal(["Next"], docs[1].Sentences[0].Words);
    }

    [Fact]
    public void A_bad_tag_names_the_file_and_line()
    {
        var e = Assert.Throws<ConllFormatException>(() => ConllReader.Read(new StringReader("EU NNP I-NP I-ORG\nrejects VBZ I-VP PERSON\n"), "train.conll"));
        Assert.Equal("train.conll:2: 'PERSON' is not an IOB tag (O, B-X, I-X)", e.Message);
    }
}
