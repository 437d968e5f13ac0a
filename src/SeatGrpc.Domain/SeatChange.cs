namespace SeatGrpc.Domain;

/// <summary>One change of a batch: <see cref="AssignChange"/>, <see cref="UnassignChange"/> or <see cref="ReplaceChange"/>.</summary>
public abstract record SeatChange;
