namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>A seat as the event log says it is.</summary>
internal sealed class ReplayedSeat
{
    public ReplayedSeat(string name, Identity holder, SeatStatus status)
    {
        Name = name;
        Holder = holder;
        Status = status;
    }

    public string Name { get; }

    public Identity Holder { get; set; }

    public SeatStatus Status { get; set; }

    public bool IsActive => Status is SeatStatus.Pending or SeatStatus.Claimed;
}
