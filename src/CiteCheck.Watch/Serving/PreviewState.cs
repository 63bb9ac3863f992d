using CiteCheck.Model;

namespace CiteCheck.Watch.Serving;

/// <summary>
/// What the preview shows: the last good edition's files and report, and the last build that ran (good or broken), with
/// a version that goes up after every build that ran. Pages and the event stream wait on it for the next version.
/// </summary>
public sealed class PreviewState
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Snapshot _current = new(0, 0, new Dictionary<string, byte[]>(StringComparer.Ordinal), null, null);

    /// <summary>One moment of the preview: everything a page served at that moment shows.</summary>
    public sealed record Snapshot(
        int Version,
        int Edition,
        IReadOnlyDictionary<string, byte[]> Files,
        CheckedReport? Report,
        BuildOutcome? Last);

    public Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Takes a build that ran: a good one replaces the edition; a broken one keeps it and is shown in the overlay.</summary>
    public void Publish(BuildOutcome outcome)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            var good = outcome.Status == BuildStatus.Built;
            _current = new Snapshot(
                _current.Version + 1,
                outcome.Edition,
                good ? outcome.Files.ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal) : _current.Files,
                good ? outcome.Report : _current.Report,
                outcome);
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    /// <summary>Waits until the version is above <paramref name="version"/>, and returns the snapshot then.</summary>
    public async Task<Snapshot> WaitAsync(int version, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_current.Version > version)
                {
                    return _current;
                }
                next = _next.Task;
            }
            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
