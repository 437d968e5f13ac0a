using System.Globalization;

namespace SeatGrpc.Storage;

/// <summary>
/// How a pool is named to the event notifiers: its internal row id as decimal text. Pool names repeat across tenants,
/// ids never do, so a watcher is woken by its own pool's commits only.
/// </summary>
public static class PoolKeys
{
    public static string Format(long poolId) => poolId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string key, out long poolId) =>
        long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out poolId);
}
