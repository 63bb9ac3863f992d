namespace CiteCheck.Rendering.Pdf.Layout;

/// <summary>
/// Places units on pages of a given content height. Breaks between units only, never after a unit that keeps with
/// the next (headings keep with the first two lines of what follows; paragraphs keep their first two and last two
/// lines together, so no page starts or ends with a single line of a paragraph); when a chain of kept units is taller
/// than a page, it breaks where it must. Drops the space before a unit at the top of a page, and repeats a table's
/// header row on each page the table continues on.
/// </summary>
public static class Paginator
{
    private const double Tolerance = 0.01;

    public static IReadOnlyList<LaidOutPage> Paginate(IReadOnlyList<Unit> units, double contentHeight)
    {
        var pages = new List<LaidOutPage>();
        var placed = new List<(PlacedUnit Placed, int Index)>();
        var y = 0.0;
        var i = 0;
        var firstOnPage = 0;

        void NewPage()
        {
            pages.Add(new LaidOutPage(pages.Count + 1, [.. placed.Select(p => p.Placed)]));
            placed.Clear();
            y = 0;
        }

        while (i < units.Count)
        {
            var unit = units[i];
            var hasContent = placed.Any(p => !p.Placed.Repeated);
            if (!hasContent)
            {
                firstOnPage = i;
                if (placed.Count == 0 && unit.RepeatedHeader is { } header && !unit.IsHeader)
                {
                    placed.Add((new PlacedUnit(header, 0, Repeated: true), -1));
                    y = header.Height;
                }
            }
            if (hasContent && unit.BreakBefore)
            {
                NewPage();
                continue;
            }
            var space = hasContent ? unit.SpaceBefore : 0;
            if (y + space + unit.Height <= contentHeight + Tolerance || !hasContent)
            {
                placed.Add((new PlacedUnit(unit, y + space, Repeated: false), i));
                y += space + unit.Height;
                i++;
                continue;
            }
            // It does not fit: go back to the last place a page may break, unless that would leave this page empty.
            var breakAt = i;
            while (breakAt > firstOnPage && units[breakAt - 1].KeepWithNext)
            {
                breakAt--;
            }
            if (breakAt > firstOnPage)
            {
                placed.RemoveAll(p => p.Index >= breakAt);
                i = breakAt;
            }
            NewPage();
        }
        if (placed.Count > 0 || pages.Count == 0)
        {
            NewPage();
        }
        return pages;
    }
}
