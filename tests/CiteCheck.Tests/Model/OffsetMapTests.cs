using CiteCheck.Model;

namespace CiteCheck.Tests.Model;

/// <summary>A claim's offset map, held as runs, gives back every offset it was made from.</summary>
public class OffsetMapTests
{
    [Theory]
    [InlineData(new[] { 7 })]
    [InlineData(new[] { 10, 11, 12, 13 })]
    [InlineData(new[] { 5, 5, 5, 6, 7, 7, 20, 21, 3, 3 })]
    [InlineData(new[] { 1, 3, 5, 4, 4, 5, 6, 100 })]
    public void Every_offset_is_read_back(int[] offsets)
    {
        var map = OffsetMap.Of(offsets);
        Assert.Equal(offsets.Length, map.Length);
        Assert.Equal(offsets, Enumerable.Range(0, offsets.Length).Select(i => map[i]));
    }

    [Fact]
    public void Random_maps_read_back_whole()
    {
        var random = new Random(14);
        int[] steps = [0, 1, 1, 1, 1, 2, -3, 40];
        for (var n = 0; n < 2000; n++)
        {
            var offsets = new int[random.Next(1, 60)];
            var value = random.Next(0, 1000);
            for (var i = 0; i < offsets.Length; i++)
            {
                value = Math.Max(0, value + steps[random.Next(steps.Length)]);
                offsets[i] = value;
            }
            var map = OffsetMap.Of(offsets);
            Assert.Equal(offsets, Enumerable.Range(0, offsets.Length).Select(i => map[i]));
        }
    }

    [Fact]
    public void A_sentence_copied_from_the_file_is_one_run_and_an_empty_map_places_at_the_claim()
    {
        var copied = OffsetMap.Of([.. Enumerable.Range(1000, 5000)]);
        Assert.Equal(5999, copied[4999]);
        Assert.Equal(0, OffsetMap.Of([]).Length);
        var claim = new Claim(1, 0, "Text", new SourceSpan("r.md", new TextPosition(1, 5, 4), new TextPosition(1, 9, 8)), []);
        Assert.Equal(4, claim.FileOffsetOf(2));
        Assert.Equal(1003, (claim with { OffsetMap = copied }).FileOffsetOf(3));
    }
}
