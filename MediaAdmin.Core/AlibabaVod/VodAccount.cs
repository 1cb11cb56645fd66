namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Where and as whom the VOD client calls ApsaraVideo VOD: the endpoint (any absolute URL, so tests can point it at
/// loopback), the region sent as RegionId, and the AccessKey pair that signs each call. The secret is never printed.
/// </summary>
public sealed record VodAccount(Uri Endpoint, string RegionId, string AccessKeyId, string AccessKeySecret)
{
    /// <summary>The account without its secret, so a logged or interpolated account never leaks it.</summary>
    public override string ToString() => $"VodAccount {{ Endpoint = {Endpoint}, RegionId = {RegionId}, AccessKeyId = {AccessKeyId} }}";
}
