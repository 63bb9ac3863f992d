namespace CiteCheck.Checks.Links.Http;

/// <summary>
/// Politeness towards one host: at most <c>concurrency</c> requests in flight, and starts at least <c>interval</c> apart.
/// Entered once per attempt (not per URL), so a request waiting out a Retry-After does not hold a slot. Disposed with the
/// fetcher that owns it, once no request is in flight.
/// </summary>
public sealed class HostGate(int concurrency, TimeSpan interval, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (interval > TimeSpan.Zero)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    var now = time.GetUtcNow();
                    var start = now > _nextStart ? now : _nextStart;
                    _nextStart = start + interval;
                    wait = start - now;
                }
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }
            return new Slot(_slots);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
