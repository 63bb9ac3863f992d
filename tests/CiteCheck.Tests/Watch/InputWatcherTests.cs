using CiteCheck.Watch.Inputs;

namespace CiteCheck.Tests.Watch;

/// <summary>
/// The watcher and its debounce: a burst of saves is one rebuild, a save by rename counts, and other files in the
/// watched folder (an editor's swap and backup files) do not.
/// </summary>
public sealed class InputWatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("citecheck-watcher-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<IReadOnlyCollection<string>> Next(Func<CancellationToken, Task<IReadOnlyCollection<string>>> next)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1)); // a safety net, not a timing
        return await next(timeout.Token);
    }

    [Fact]
    public async Task Changes_that_come_before_the_inputs_are_quiet_are_one_batch()
    {
        using var batcher = new ChangeBatcher(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1), TimeProvider.System);
        batcher.Add("/r/report.md");
        batcher.Add("/r/report.md");
        batcher.Add("/r/sources.yaml");
        var batch = await Next(batcher.NextAsync);
        Assert.Equal(["/r/report.md", "/r/sources.yaml"], batch.Order(StringComparer.Ordinal));
        batcher.Add("/r/review.yaml");
        Assert.Equal(["/r/review.yaml"], await Next(batcher.NextAsync));
    }

    [Fact]
    public async Task A_save_by_rename_counts_and_swap_files_beside_the_report_do_not()
    {
        var report = Path.Combine(_folder, "report.md");
        await File.WriteAllTextAsync(report, "# One\n", TestContext.Current.CancellationToken);
        using var watcher = new InputWatcher(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(1));
        watcher.Watch([report]);

        // An editor's swap file, then the save: write a temporary file and rename it over the report.
        await File.WriteAllTextAsync(Path.Combine(_folder, ".report.md.swp"), "swap", TestContext.Current.CancellationToken);
        var temporary = Path.Combine(_folder, "report.md.tmp~");
        await File.WriteAllTextAsync(temporary, "# Two\n", TestContext.Current.CancellationToken);
        File.Move(temporary, report, overwrite: true);

        var batch = await Next(watcher.NextAsync);
        Assert.Equal([report], batch);
    }
}
