using CiteCheck.Parsing;

namespace CiteCheck.Tests.Parsing;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => [.. SentenceSplitter.Split(text).Select(r => text[r.Start..r.End])];

    [Theory]
    [InlineData("The U.S. Department of State listed it. Then it was gone.", "The U.S. Department of State listed it.")]
    [InlineData("Gen. Abduhalim Nazarzoda led it. Four died.", "Gen. Abduhalim Nazarzoda led it.")]
    [InlineData("Dr. Smith spoke on Jan. 5 in Dushanbe. He left.", "Dr. Smith spoke on Jan. 5 in Dushanbe.")]
    [InlineData("Resolution No. 12 passed. It was late.", "Resolution No. 12 passed.")]
    [InlineData("J. R. Smith wrote it. Nobody read it.", "J. R. Smith wrote it.")]
    [InlineData("More than 1.5 million people moved. Few returned.", "More than 1.5 million people moved.")]
    [InlineData("He said “nearly all defendants are found guilty...[and] arrests are common.” Although it was denied.", "He said “nearly all defendants are found guilty...[and] arrests are common.”")]
    [InlineData("A riot left 27 dead—although others said 50—in Khujand. ISIS claimed it.", "A riot left 27 dead—although others said 50—in Khujand.")]
    public void First_sentence_survives_abbreviations_initials_decimals_quotes_and_dashes(string text, string first)
    {
        var sentences = Split(text);
        Assert.Equal(2, sentences.Length);
        Assert.Equal(first, sentences[0]);
    }

    [Fact]
    public void Splits_on_question_and_exclamation_marks()
    {
        Assert.Equal(["Was it 12?", "Yes!", "It was."], Split("Was it 12? Yes! It was."));
    }

    [Fact]
    public void A_lower_case_word_after_a_period_does_not_start_a_sentence()
    {
        Assert.Single(Split("The figure was approx. twelve in all."));
    }
}
