namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// An HTTP callback as it arrived: the URL it reached (used for the signature when <c>AlibabaVod:CallbackUrl</c> is
/// empty), its X-VOD-TIMESTAMP and X-VOD-SIGNATURE headers (null when absent), and its body.
/// </summary>
public sealed record VodCallback(string ReachedUrl, string? Timestamp, string? Signature, string Body);
