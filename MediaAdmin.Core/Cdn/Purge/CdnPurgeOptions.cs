using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// How MediaAdmin purges the CDN after a delete (<c>Cdn:Purge</c>) and proves the edge dropped the files;
/// checked by <see cref="CdnPurgeOptionsValidator"/> at start-up.
/// </summary>
public sealed class CdnPurgeOptions
{
    public const string Section = "Cdn:Purge";

    /// <summary>'None' (the default: reminders and links only), 'Http' or 'AlibabaVod', in any letter case.</summary>
    /// <remarks>Bound as text so that a wrong value fails validation with the choices named, not with a conversion error.</remarks>
    public string Provider { get; set; } = nameof(CdnPurgeProviderKind.None);

    /// <summary>Purge right after each delete; otherwise only when someone asks (Refresh now).</summary>
    public bool Automatic { get; set; }

    /// <summary>How long probes keep asking the public URLs after a purge before the deletion is Failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Cdn:Purge:VerifyFor must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan VerifyFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The edge that takes PURGE and BAN requests, for <c>Provider=Http</c>.</summary>
    public CdnPurgeHttpOptions Http { get; set; } = new();

    /// <summary>How long one probe (a HEAD of a public URL) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Cdn:Purge:ProbeTimeout must be between 00:00:00.100 and 00:05:00.")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many probes run at once: the edge is a production server, not a test target.</summary>
    [Range(1, 32, ErrorMessage = "Cdn:Purge:ProbeConcurrency must be between 1 and 32.")]
    public int ProbeConcurrency { get; set; } = 4;

    /// <summary>How many segments of each HLS folder are probed; playlists, MP4s and snapshots are always all probed.</summary>
    [Range(1, 100, ErrorMessage = "Cdn:Purge:SegmentSampleSize must be between 1 and 100.")]
    public int SegmentSampleSize { get; set; } = 3;

    /// <summary>The wait between two rounds of probes while the edge still serves some URL.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Cdn:Purge:ProbeInterval must be between 00:00:00.050 and 01:00:00.")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The wait before the first retry of a purge the edge did not take; doubled after each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Cdn:Purge:RetryBaseDelay must be between 00:00:00 and 01:00:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Cdn:Purge:RetryMaxDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Purge attempts before a deletion whose purge keeps failing is Failed (a person may Retry it).</summary>
    [Range(1, 1000, ErrorMessage = "Cdn:Purge:MaxAttempts must be between 1 and 1000.")]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the worker looks for purges due (it also wakes on every delete and Refresh now).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Cdn:Purge:WorkerPollInterval must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a purge step holds its deletion; a step that died with its process is taken up again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Cdn:Purge:StepLease must be between 00:00:01 and 01:00:00.")]
    public TimeSpan StepLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after a delete a purge waits for the file removal to list a deleted asset's files (its HLS segments
    /// among them) before it purges without them: a removal that cannot reach storage retries for as long as it
    /// takes, and the edge should not serve the asset's playlists and snapshots all that while.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Cdn:Purge:ListingWait must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan ListingWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an open CDN refresh page or reminder reads its open deletions again while it shows any: the change
    /// event only reaches pages in the process whose worker or person made the change, not those on other instances.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Cdn:Purge:PageRereadInterval must be between 00:00:00.100 and 00:10:00.")]
    public TimeSpan PageRereadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The provider <see cref="Provider"/> names, or null when it names none.</summary>
    public CdnPurgeProviderKind? ProviderKind =>
        EnumSetting.Parse<CdnPurgeProviderKind>(Provider);
}
