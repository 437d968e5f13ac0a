using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Grpc.Core;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace SeatGrpc.Runtime.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> over statuses that the application sets (named and shaped like Grpc.HealthCheck's
/// <c>HealthServiceImpl</c>). The empty service name stands for the whole server. Thread-safe.
/// </summary>
/// <remarks>
/// Check answers NOT_FOUND for a service with no status. Watch sends the current status (SERVICE_UNKNOWN when
/// there is none), then each change, until the client goes away or <see cref="Shutdown"/> is called.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The official packages' name, so moving to them is a rename-free swap.")]
public class HealthServiceImpl : Grpc.Health.V1.Health.HealthBase
{
    // A watcher that falls behind only needs the latest statuses, not every intermediate one.
    private const int WatcherCapacity = 8;

    private readonly Lock _lock = new();
    // Written under _lock (so watchers see changes in order), read without it: Check takes no lock.
    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Channel<ServingStatus>>> _watchers = new(StringComparer.Ordinal);
    private bool _shutdown;

    /// <summary>Gets the number of open Watch streams (for tests).</summary>
    internal int WatcherCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Values.Sum(channels => channels.Count);
            }
        }
    }

    /// <summary>Sets a service's status and tells its watchers. Ignored after <see cref="Shutdown"/>.</summary>
    /// <param name="service">The fully qualified service name, or "" for the whole server.</param>
    /// <param name="status">The status.</param>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (_shutdown)
            {
                return;
            }

            _statuses[service] = status;
            NotifyLocked(service, status);
        }
    }

    /// <summary>Forgets a service's status; Check then answers NOT_FOUND and watchers see SERVICE_UNKNOWN.</summary>
    /// <param name="service">The fully qualified service name, or "" for the whole server.</param>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (!_shutdown && _statuses.TryRemove(service, out _))
            {
                NotifyLocked(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>Forgets every service's status.</summary>
    public void ClearAll()
    {
        lock (_lock)
        {
            if (_shutdown)
            {
                return;
            }

            foreach (var service in _statuses.Keys)
            {
                NotifyLocked(service, ServingStatus.ServiceUnknown);
            }

            _statuses.Clear();
        }
    }

    /// <summary>
    /// Marks every service NOT_SERVING, ends every Watch, and ignores later changes: call it when the server
    /// starts to stop, so that load balancers stop sending calls and watch streams do not hold up the shutdown.
    /// </summary>
    public void Shutdown()
    {
        lock (_lock)
        {
            if (_shutdown)
            {
                return;
            }

            foreach (var service in _statuses.Keys.ToList())
            {
                _statuses[service] = ServingStatus.NotServing;
                NotifyLocked(service, ServingStatus.NotServing);
            }

            _shutdown = true;
            foreach (var channel in _watchers.Values.SelectMany(channels => channels))
            {
                channel.Writer.TryComplete();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Gets a service's status.</summary>
    /// <param name="service">The fully qualified service name, or "" for the whole server.</param>
    /// <param name="status">The status, when the service has one.</param>
    /// <returns>True when the service has a status.</returns>
    public bool TryGetStatus(string service, out ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        return _statuses.TryGetValue(service, out status);
    }

    /// <inheritdoc />
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryGetStatus(request.Service, out var status)
            ? Task.FromResult(new HealthCheckResponse { Status = status })
            : throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service: {request.Service}"));
    }

    /// <inheritdoc />
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(WatcherCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(request.Service, out var current) ? current : ServingStatus.ServiceUnknown);
            if (_shutdown)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                if (!_watchers.TryGetValue(request.Service, out var channels))
                {
                    channels = [];
                    _watchers.Add(request.Service, channels);
                }

                channels.Add(channel);
            }
        }

        try
        {
            ServingStatus? sent = null;
            await foreach (var status in channel.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                // Only changes are news; SetStatus with the status a watcher already has sends nothing.
                if (status != sent)
                {
                    await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
                    sent = status;
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away; there is no one left to tell.
        }
        finally
        {
            RemoveWatcher(request.Service, channel);
        }
    }

    private void NotifyLocked(string service, ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var channels))
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryWrite(status);
            }
        }
    }

    private void RemoveWatcher(string service, Channel<ServingStatus> channel)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(service, out var channels) && channels.Remove(channel) && channels.Count == 0)
            {
                _watchers.Remove(service);
            }
        }
    }
}
