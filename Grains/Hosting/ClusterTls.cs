using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Rayswarm.Grains;

/// <summary>
/// TLS on silo-to-silo and client-to-silo links with one cluster certificate (Microsoft.Orleans.Connections.Security). Every
/// member presents the cluster certificate and accepts a peer only if it presents the same one (pinned by thumbprint), so a
/// process without the certificate can neither join nor connect as a client.
/// </summary>
public static class ClusterTls
{
    /// <summary>Loads the cluster certificate (a PKCS#12 file with its private key).</summary>
    public static X509Certificate2 Load(string path, string? password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) { throw new InvalidOperationException($"The cluster TLS certificate '{path}' does not exist."); }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The cluster TLS certificate '{path}' has no private key.");
    }

    /// <summary>TLS with the cluster certificate on a silo's links.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(certificate);
        return silo.UseTls(certificate, o => Configure(o, certificate));
    }

    /// <summary>TLS with the cluster certificate on a client's links to the silos.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(certificate);
        return client.UseTls(certificate, o => Configure(o, certificate));
    }

    private static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // A self-signed cluster certificate has no chain to trust: the peer must present exactly ours.
        options.RemoteCertificateValidation = (remote, _, _) =>
            remote is not null && string.Equals(remote.GetCertHashString(), certificate.GetCertHashString(), StringComparison.OrdinalIgnoreCase);
    }
}
