namespace MediaAdmin.Web.Api;

/// <summary>An authenticated request for one action: its ID, its decoded parameters, its caller and when it reached the server.</summary>
internal sealed record RpcCall(string RequestId, IReadOnlyDictionary<string, string> Parameters, RpcCaller Caller, DateTimeOffset ArrivedAt)
{
    /// <summary>A parameter that was sent and is not empty.</summary>
    public bool TryGet(string name, out string value) => Parameters.TryGetValue(name, out value!) && value.Length > 0;
}
