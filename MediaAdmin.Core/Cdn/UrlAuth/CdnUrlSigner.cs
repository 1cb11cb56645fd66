using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// Signs and checks URLs of stored files as Alibaba CDN's URL authentication type A does, so a URL signed here
/// also passes an Alibaba CDN domain configured with the same key and validity period. While no key is set,
/// URLs are handed out unchanged and every URL is valid.
/// </summary>
public sealed class CdnUrlSigner(IOptions<UrlAuthOptions> options, IOptions<CdnOptions> cdn, TimeProvider time)
{
    /// <summary>Where the console itself serves stored files (its own CDN origin): /cdn/{key}.</summary>
    public const string OriginPathPrefix = "/cdn/";

    // Alibaba leaves uid unused ("0"); rand only has to make URLs differ, which the issue time does already.
    private const string Uid = "0";
    private const string Rand = "0";

    private static readonly TimeSpan LongestIssueStep = TimeSpan.FromMinutes(1);

    public bool IsEnabled => options.Value.IsEnabled;

    private string PrivateKey => options.Value.PrivateKey ?? throw new InvalidOperationException("URL authentication is off.");

    /// <summary>
    /// <paramref name="url"/> (absolute, or a path from the root) with an auth_key issued now, or unchanged while
    /// URL authentication is off. A URL already carrying parameters keeps them; the signature covers the path only.
    /// </summary>
    public string Sign(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsEnabled)
        {
            return url;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?', 2)[0];
        return WithAuthKey(url, TypeAAuthKey.Sign(path, IssuedNow(), Rand, Uid, PrivateKey));
    }

    /// <summary>The console's own URL of a stored file, relative to the console's base ("cdn/{key}"), signed while URL authentication is on.</summary>
    public string ConsoleUrl(string storageKey)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        var url = OriginPathPrefix[1..] + storageKey;
        return IsEnabled ? WithAuthKey(url, TypeAAuthKey.Sign(OriginPathPrefix + storageKey, IssuedNow(), Rand, Uid, PrivateKey)) : url;
    }

    /// <summary>
    /// Whether <paramref name="authKey"/> signs <paramref name="path"/> and has not expired: issued at its timestamp, it is
    /// valid until timestamp + Lifetime. Forbidden with a short reason otherwise; the reason never holds the key or a hash.
    /// </summary>
    public Result<SignedUrlGrant> Validate(string path, string? authKey) => Validate([path], authKey);

    /// <summary>As <see cref="Validate(string, string?)"/>, for a file that may be signed under any of <paramref name="paths"/>.</summary>
    public Result<SignedUrlGrant> Validate(IReadOnlyList<string> paths, string? authKey)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var parsed = TypeAAuthKey.Parse(authKey);
        if (!parsed.IsSuccess)
        {
            return parsed.Problem;
        }

        var key = parsed.Value;
        if (time.GetUtcNow().ToUnixTimeSeconds() > key.Timestamp + (long)options.Value.Lifetime.TotalSeconds)
        {
            return Problem.Forbidden("The signed URL has expired.");
        }

        var signed = paths.FirstOrDefault(path => key.Signs(path, PrivateKey));
        return signed is null ? Problem.Forbidden("The signature is not valid for this file.") : new SignedUrlGrant(signed, key);
    }

    /// <summary>The paths a stored file's URL may be signed for: on this origin (/cdn/{key}) and under Cdn:BaseUrl.</summary>
    public IReadOnlyList<string> PathsOf(StorageKey key)
    {
        var publicPath = new Uri(cdn.Value.UrlFor(key)).AbsolutePath;
        var originPath = OriginPathPrefix + key.Value;
        return publicPath == originPath ? [originPath] : [originPath, publicPath];
    }

    /// <summary>
    /// <paramref name="reference"/> (a URI inside the file <paramref name="grant"/> allowed, relative to it) signed with the
    /// same issue time, so what a playlist lists expires with it. Only references in the file's folder or below are signed:
    /// what the transcoder writes never climbs out, and a stored file must not mint signatures for other assets' files.
    /// Anything else (other hosts, root paths, '..') stays as it is.
    /// </summary>
    public string SignReference(SignedUrlGrant grant, string reference)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Length == 0 || Uri.TryCreate(reference, UriKind.Absolute, out var elsewhere) && elsewhere.Scheme != Uri.UriSchemeFile)
        {
            return reference;
        }

        var fragmentAt = reference.IndexOf('#', StringComparison.Ordinal);
        var (target, fragment) = fragmentAt < 0 ? (reference, string.Empty) : (reference[..fragmentAt], reference[fragmentAt..]);
        var folder = grant.Path[..(grant.Path.LastIndexOf('/') + 1)];
        var path = new Uri(new Uri("http://origin" + grant.Path), target.Split('?', 2)[0]).AbsolutePath;
        if (!path.StartsWith(folder, StringComparison.Ordinal) || target.StartsWith('/'))
        {
            return reference;
        }

        var key = TypeAAuthKey.Sign(path, grant.AuthKey.Timestamp, grant.AuthKey.Rand, grant.AuthKey.Uid, PrivateKey);
        return WithAuthKey(target, key) + fragment;
    }

    private static string WithAuthKey(string url, TypeAAuthKey key) =>
        $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{TypeAAuthKey.ParameterName}={key}";

    /// <summary>
    /// Now, rounded down to a step of a tenth of Lifetime (at most a minute): a page rendered again within the step
    /// hands out the same URLs, so browsers keep what they loaded instead of fetching every image anew.
    /// </summary>
    private long IssuedNow()
    {
        var step = (long)Math.Clamp(options.Value.Lifetime.TotalSeconds / 10, 1, LongestIssueStep.TotalSeconds);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return now - (now % step);
    }
}
