namespace SeatGrpc.Chaos.Tests.Soak;

/// <summary>One reading of the server process from /proc: resident memory, threads, open file descriptors, CPU time.</summary>
internal sealed record ProcessSample(TimeSpan At, double RssMegabytes, int Threads, int OpenFiles, double CpuSeconds);
