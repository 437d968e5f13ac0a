using System.Globalization;
using SeatGrpc.Testing;

namespace SeatGrpc.Bench;

/// <summary>
/// <c>pg-proxy</c>: a <see cref="RoundTripProxy"/> in front of PostgreSQL at <c>--upstream HOST:PORT</c>, for a server
/// whose round trips are counted. Prints <c>listening port=N</c>, then the round trips so far for every line read from
/// stdin; ends when stdin does.
/// </summary>
internal static class PgProxyCommand
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var upstream = args.Text("upstream", "");
        args.RejectUnknown();
        var colon = upstream.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(upstream.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new BenchUsageException($"--upstream must be HOST:PORT (an IP address), not '{upstream}'.");
        }

        await using var proxy = new RoundTripProxy(upstream[..colon], port);
        Console.WriteLine(FormattableString.Invariant($"listening port={proxy.Port}"));
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
            Console.WriteLine(proxy.RoundTrips.ToString(CultureInfo.InvariantCulture));
        }

        return 0;
    }
}
