using System.Globalization;

namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// A run's seed and budget. SEATGRPC_CHAOS_SEED replays a run's choices (a failing run prints its seed);
/// SEATGRPC_CHAOS_SECONDS sets the workload's seconds per test; SEATGRPC_CHAOS_KILLS the SIGKILLs of the crash test.
/// </summary>
internal sealed record ChaosSettings(int Seed, TimeSpan Budget, int Kills)
{
    public const string SeedVariable = "SEATGRPC_CHAOS_SEED";
    public const string SecondsVariable = "SEATGRPC_CHAOS_SECONDS";
    public const string KillsVariable = "SEATGRPC_CHAOS_KILLS";

    /// <summary>The settings from the environment, with this test's defaults.</summary>
    public static ChaosSettings FromEnvironment(TimeSpan defaultBudget, int defaultKills = 20) =>
        new(
            Read(SeedVariable) ?? Random.Shared.Next(1, int.MaxValue),
            Read(SecondsVariable) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaultBudget,
            Read(KillsVariable) ?? defaultKills);

    /// <summary>The line that tells how to run this again.</summary>
    public string Replay => $"seed {Seed}: replay with {SeedVariable}={Seed} {SecondsVariable}={Budget.TotalSeconds:0} {KillsVariable}={Kills}";

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
