using SeatGrpc.Domain;

namespace SeatGrpc.Server.Hosting;

/// <summary>
/// Shows the admin key created on a database's first start, once, on stdout and not through the logger (logs are
/// kept and shipped; a key must not be): "seatgrpc bootstrap key=sk_… tenant=default scopes=seats:admin".
/// </summary>
internal static class BootstrapKeyLine
{
    public static void Print(CreatedApiKey created)
    {
        Console.Out.WriteLine($"seatgrpc bootstrap key={created.Secret} tenant={created.Key.Tenant} scopes={string.Join(',', created.Key.Scopes)}");
        Console.Out.Flush();
    }
}
