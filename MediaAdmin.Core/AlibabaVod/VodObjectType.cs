namespace MediaAdmin.Core.AlibabaVod;

/// <summary>What RefreshVodObjectCaches purges: single files by URL, or everything under directory URLs.</summary>
public enum VodObjectType
{
    File = 0,
    Directory = 1,
}
