namespace SeatGrpc.Chaos.Tests;

/// <summary>The console entry point, for runs outside the test runner (bench/soak.sh).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await Task.Yield();
        Console.Error.WriteLine($"usage: dotnet SeatGrpc.Chaos.Tests.dll soak [options] (got {string.Join(' ', args)})");
        return 2;
    }
}
