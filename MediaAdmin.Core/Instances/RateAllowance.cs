namespace MediaAdmin.Core.Instances;

/// <summary>
/// One partition's token bucket, when the database keeps it: the time from which the partition's next call
/// is fully paid for (the "theoretical arrival time" of the generic cell rate algorithm). A partition idle for
/// a second has its whole burst back; one calling at the rate keeps the time one interval ahead per call.
/// </summary>
public sealed class RateAllowance
{
    public const int PartitionMaxLength = 200;

    public required string Partition { get; set; }

    /// <summary>Microseconds since the Unix epoch (<see cref="RatePace.Microseconds"/>).</summary>
    public long NextFreeMicroseconds { get; set; }
}
