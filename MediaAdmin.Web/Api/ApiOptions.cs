using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Web.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The port the VOD RPC API answers on, at path '/'; it must be one of the listening URLs.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5081;

    /// <summary>DeleteVideo calls a user may make per second, as Alibaba's limit.</summary>
    [Range(1, 10_000)]
    public int DeleteVideoPerSecond { get; set; } = 30;

    /// <summary>Signature failures a source address may cause per minute before it is throttled.</summary>
    [Range(1, 10_000)]
    public int SignatureFailuresPerMinute { get; set; } = 20;
}
