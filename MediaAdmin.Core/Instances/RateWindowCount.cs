namespace MediaAdmin.Core.Instances;

/// <summary>Calls counted for one partition in one one-second window, when the database keeps the count.</summary>
public sealed class RateWindowCount
{
    public const int PartitionMaxLength = 200;

    public required string Partition { get; set; }

    /// <summary>The window, as Unix seconds (<see cref="RateWindows.Current"/>).</summary>
    public long Second { get; set; }

    public int Calls { get; set; }
}
