using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence;

/// <summary>
/// Declares a string property as encrypted at rest (AES-256-GCM, see <see cref="FieldCipher"/>). Entity
/// configurations call <see cref="IsEncrypted"/>; <see cref="AppDbContext"/> encrypts on save and
/// <see cref="DecryptingMaterializer"/> decrypts on load, binding table, record id and field name.
/// </summary>
internal static class EncryptionModel
{
    public const string Annotation = "Lantern:Encrypted";

    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(Annotation, true).HasMaxLength(16000);

    public static bool IsEncrypted(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;
}

/// <summary>Decrypts protected fields as entities are materialised, before EF takes its change-tracking snapshot.</summary>
internal sealed class DecryptingMaterializer(FieldCipher cipher) : IMaterializationInterceptor
{
    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var type = materializationData.EntityType;
        IProperty? key = null;
        foreach (var property in type.GetProperties())
        {
            if (!property.IsEncrypted() || property.PropertyInfo is not { } info || info.GetValue(entity) is not string stored)
            {
                continue;
            }
            key ??= type.FindPrimaryKey()!.Properties[0];
            var id = key.PropertyInfo!.GetValue(entity)!.ToString()!;
            info.SetValue(entity, cipher.Decrypt(stored, type.GetTableName() ?? type.ClrType.Name, id, property.Name));
        }
        return entity;
    }
}
