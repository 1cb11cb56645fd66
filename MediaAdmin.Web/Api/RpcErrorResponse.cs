namespace MediaAdmin.Web.Api;

/// <summary>The body of every error, in the shape and order of Alibaba's gateway.</summary>
internal sealed record RpcErrorResponse(string RequestId, string HostId, string Code, string Message, string Recommend)
{
    public static RpcErrorResponse For(RpcError error, string requestId, string hostId) =>
        new(error.RequestId ?? requestId, hostId, error.Code, error.Message, $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Vod");
}
