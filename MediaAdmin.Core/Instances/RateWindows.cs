namespace MediaAdmin.Core.Instances;

/// <summary>The one-second windows every instance counts calls in, numbered by Unix time so they line up everywhere.</summary>
public static class RateWindows
{
    /// <summary>
    /// The service key of the clock windows are read from: the system clock unless a host registers its own
    /// first, which is how tests pin a burst inside one window whatever the wall clock does.
    /// </summary>
    public const string ClockKey = "MediaAdmin.RateWindows";

    /// <summary>The number of the window <paramref name="clock"/> is in now.</summary>
    public static long Current(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToUnixTimeSeconds();
    }
}
