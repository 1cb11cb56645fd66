namespace MediaAdmin.Core.Instances;

/// <summary>Whether a call fits its rate.</summary>
public enum RateDecision
{
    Allowed = 0,
    Throttled = 1,
}
