namespace MediaAdmin.Core.Results;

/// <summary>How an expected outcome ended; the edges map each to one HTTP status or one message.</summary>
public enum ResultStatus
{
    Ok = 0,

    /// <summary>The input is wrong (a form field, a parameter, a rule such as "not your own account").</summary>
    Invalid = 1,

    /// <summary>The caller's permissions, re-read from the database, do not allow it.</summary>
    Forbidden = 2,

    /// <summary>The thing asked for does not exist (or no longer does).</summary>
    NotFound = 3,

    /// <summary>The thing exists but its state does not allow it (already done, a limit reached).</summary>
    Conflict = 4,
}
