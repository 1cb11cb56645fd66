namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// One comparison of storage with the database, and its audit record: who started it, whether it fixed,
/// how far it got (so a restart continues where it stopped) and what it found.
/// </summary>
public sealed class ReconciliationRun
{
    public const int RunByMaxLength = 256;

    public const int ErrorMaxLength = 1024;

    public long Id { get; set; }

    /// <summary>The account that started the run; null when it was started from the command line.</summary>
    public string? UserId { get; set; }

    /// <summary>Who started it, for a person to read (the account's name, or the command line and machine).</summary>
    public required string RunBy { get; set; }

    /// <summary>True when the run removes old orphans and marks assets with missing files; false for a dry run.</summary>
    public bool Fix { get; set; }

    public ReconciliationState State { get; set; }

    public ReconciliationPhase Phase { get; set; }

    /// <summary>
    /// Set while the run is unfinished and cleared when it ends: a unique index on it lets only one run be
    /// unfinished at a time, across every instance.
    /// </summary>
    public bool? Unfinished { get; set; }

    /// <summary>Until when the process carrying out the run holds it; after that another may take it over.</summary>
    public DateTime LeasedUntilUtc { get; set; }

    /// <summary>Storage keys looked at so far, in the order storage lists them; a resumed run skips that many.</summary>
    public long KeysScanned { get; set; }

    public string? LastKey { get; set; }

    /// <summary>File rows of the library checked against storage so far.</summary>
    public long FilesChecked { get; set; }

    /// <summary>The highest file row id checked, from which a resumed run continues.</summary>
    public long LastFileId { get; set; }

    /// <summary>The library's file rows when the run started: the yardstick of its progress.</summary>
    public long FilesAtStart { get; set; }

    public long OrphansFound { get; set; }

    public long MissingFound { get; set; }

    /// <summary>Orphans removed plus assets marked as missing files (fix runs only).</summary>
    public long Fixed { get; set; }

    public string? Error { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
