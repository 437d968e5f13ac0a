using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace SeatGrpc.Bench;

/// <summary>
/// A loopback TCP proxy in front of a PostgreSQL server that counts round trips: the times a client, having sent a
/// whole number of protocol messages, hears from the server and then sends again (it waited for an answer). Pipelined
/// messages that Npgsql flushes in several pieces (a prepended BEGIN, a large batch) count once, because the pieces do
/// not end on a message boundary. Connections must not use TLS (<c>SSL Mode=Disable</c>): the proxy reads the framing.
/// </summary>
internal sealed class RoundTripProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private long _roundTrips;

    public RoundTripProxy(string host, int port)
    {
        _upstream = new IPEndPoint(IPAddress.Parse(host), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Round trips on every connection so far.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _connections]).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var _ = client;
        using var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var flow = new Flow();
        try
        {
            await server.ConnectAsync(_upstream, _stop.Token).ConfigureAwait(false);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client, server, flow, fromClient: true, done.Token);
            var down = PumpAsync(server, client, flow, fromClient: false, done.Token);
            await Task.WhenAny(up, down).ConfigureAwait(false);
            await done.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A connection that ends, or the proxy stopping, is not an error.
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Flow flow, bool fromClient, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                lock (flow)
                {
                    if (fromClient)
                    {
                        if (flow.ClientAtBoundary && flow.ServerSpoke)
                        {
                            Interlocked.Increment(ref _roundTrips);
                        }

                        flow.ServerSpoke = false;
                        flow.Read(buffer.AsSpan(0, read));
                    }
                    else
                    {
                        flow.ServerSpoke = true;
                    }
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The other direction ended the connection.
        }
    }

    /// <summary>Where the client's byte stream stands in the protocol's framing (a type byte, then a 4-byte length).</summary>
    private sealed class Flow
    {
        // The startup message and an SSL or GSS encryption request have no type byte.
        private const int SslRequest = 80877103;
        private const int GssEncRequest = 80877104;

        private readonly byte[] _header = new byte[5];
        private int _headerRead;
        private long _bodyLeft;
        private bool _untyped = true;
        private int _requestCode;

        public bool ServerSpoke { get; set; } = true;

        public bool ClientAtBoundary => _headerRead == 0 && _bodyLeft == 0;

        public void Read(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                if (_bodyLeft > 0)
                {
                    var skip = (int)Math.Min(_bodyLeft, data.Length);
                    if (_untyped && _headerRead == 4 && skip >= 4 && _requestCode == 0)
                    {
                        _requestCode = BinaryPrimitives.ReadInt32BigEndian(data);
                    }

                    data = data[skip..];
                    _bodyLeft -= skip;
                    if (_bodyLeft == 0)
                    {
                        EndMessage();
                    }

                    continue;
                }

                var headerSize = _untyped ? 4 : 5;
                var take = Math.Min(headerSize - _headerRead, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerRead));
                _headerRead += take;
                data = data[take..];
                if (_headerRead == headerSize)
                {
                    var length = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(headerSize - 4));
                    _bodyLeft = length - 4;
                    if (_bodyLeft == 0)
                    {
                        EndMessage();
                    }
                }
            }
        }

        private void EndMessage()
        {
            if (_untyped)
            {
                // After an encryption request (refused: the proxy needs plain text) the startup message follows, untyped again.
                _untyped = _requestCode is SslRequest or GssEncRequest;
            }

            _requestCode = 0;
            _headerRead = 0;
        }
    }
}
