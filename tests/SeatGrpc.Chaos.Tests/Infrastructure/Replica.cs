namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// One server slot: the process for the same arguments (the same database), which a fault may kill and restart.
/// Callers take <see cref="Current"/>, or wait for the slot to be up again; the endpoints of killed processes are kept
/// until the end, so a caller still holding one gets a broken connection, not a disposed object.
/// </summary>
internal sealed class Replica : IAsyncDisposable
{
    private readonly IReadOnlyList<string> _arguments;
    private readonly List<ServerEndpoint> _retired = [];
    private readonly object _gate = new();
    private ServerEndpoint? _current;
    private TaskCompletionSource<ServerEndpoint> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _generation;

    public Replica(string name, IReadOnlyList<string> arguments)
    {
        Name = name;
        _arguments = arguments;
    }

    public string Name { get; }

    /// <summary>Gets the running endpoint, or null while the slot is down.</summary>
    public ServerEndpoint? Current => Volatile.Read(ref _current);

    /// <summary>Gets every process output line of every generation (for failure reports and error-log checks).</summary>
    public IReadOnlyList<string> AllOutput
    {
        get
        {
            lock (_gate)
            {
                return [.. _retired.SelectMany(e => e.Process.Output), .. _current?.Process.Output ?? []];
            }
        }
    }

    /// <summary>Gets how many times the slot's process was killed.</summary>
    public int Kills { get; private set; }

    public async Task StartAsync()
    {
        var process = await SeatServerProcess.StartAsync(_arguments).ConfigureAwait(false);
        var endpoint = new ServerEndpoint(process, _generation++);
        TaskCompletionSource<ServerEndpoint> up;
        lock (_gate)
        {
            _current = endpoint;
            up = _up;
        }

        up.TrySetResult(endpoint);
    }

    /// <summary>SIGKILLs the process: no shutdown, no flush; calls in flight break.</summary>
    public async Task KillAsync()
    {
        ServerEndpoint? victim;
        lock (_gate)
        {
            victim = _current;
            _current = null;
            _up = new TaskCompletionSource<ServerEndpoint>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (victim is not null)
            {
                _retired.Add(victim);
            }
        }

        if (victim is not null)
        {
            await victim.Process.KillAsync().ConfigureAwait(false);
            Kills++;
        }
    }

    /// <summary>The running endpoint, waiting while the slot is down.</summary>
    public Task<ServerEndpoint> WaitUpAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _current is { } endpoint ? Task.FromResult(endpoint) : _up.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ServerEndpoint> all;
        lock (_gate)
        {
            all = [.. _retired];
            if (_current is not null)
            {
                all.Add(_current);
            }

            _current = null;
        }

        foreach (var endpoint in all)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }
    }
}
