using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SeatGrpc.Client.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a server that can lose the server's answers: after <see cref="SwallowAnswers"/>
/// the requests still reach the server, which applies them, but nothing it sends back reaches the client; then
/// <see cref="CutAll"/> drops every connection, as a network failure would. The next connections relay normally.
/// </summary>
internal sealed class LossyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private volatile bool _swallowing;

    public LossyProxy(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>From now on, bytes from the server are dropped.</summary>
    public void SwallowAnswers() => _swallowing = true;

    /// <summary>Closes every relayed connection; later connections relay both ways again.</summary>
    public void CutAll()
    {
        foreach (var (client, server) in _links)
        {
            client.Dispose();
            server.Dispose();
        }

        _links.Clear();
        _swallowing = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
            _links[client] = server;
            await Task.WhenAny(PumpAsync(client, server, dropping: false), PumpAsync(server, client, dropping: true));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A cut, or the server is down: the client sees its connection closed.
        }
        finally
        {
            _links.TryRemove(client, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, bool dropping)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        var target = to.GetStream();
        int read;
        while ((read = await source.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (!(dropping && _swallowing))
            {
                await target.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
    }
}
