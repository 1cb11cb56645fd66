namespace MediaAdmin.Core.AlibabaVod;

/// <summary>One stream of GetPlayInfo: the URL the CDN serves it at, its definition (FD, LD, ..., AUTO) and format.</summary>
public sealed record VodPlayUrl(string PlayUrl, string? Definition, string? Format);
