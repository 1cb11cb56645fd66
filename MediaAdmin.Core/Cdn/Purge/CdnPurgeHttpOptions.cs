namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>An edge such as Varnish or Fastly that takes <c>PURGE</c> per URL and <c>BAN</c> per prefix (<c>Cdn:Purge:Http</c>).</summary>
public sealed class CdnPurgeHttpOptions
{
    /// <summary>
    /// Where purge requests go (e.g. <c>http://varnish.internal:6081</c>); each carries the public URL's own
    /// Host header and path, so the edge drops exactly the object it caches for that URL. Required for Provider=Http.
    /// </summary>
    public string? EdgeUrl { get; set; }

    /// <summary>One <c>BAN</c> per asset folder (its path prefix in <c>X-Ban-Prefix</c>) instead of one <c>PURGE</c> per file.</summary>
    public bool BanPrefix { get; set; }

    /// <summary>How long one purge request may take before it counts as failed (and is retried); 0.1 s to 5 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
