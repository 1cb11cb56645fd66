namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>
/// A clock that reads <c>start</c> when created and then runs at real speed; timers stay real, so back-off delays and
/// timeouts behave as in production while a test still knows which quota day it is in.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
