/** The client logo's GraphQL documents (apps/api/src/clients/logo): read on the client page, uploaded by an admin. */

export const LOGO_FIELDS = /* GraphQL */ `
  fragment LogoFields on ClientLogo {
    id mediaType width height byteSize sha256 uploadedAt uploadedBy contentBase64
  }
`;

export const CLIENT_LOGO = /* GraphQL */ `
  query ClientLogo($id: ID!) {
    client(id: $id) { id logo { ...LogoFields } }
  }
  ${LOGO_FIELDS}
`;

export const UPLOAD_CLIENT_LOGO = /* GraphQL */ `
  mutation UploadClientLogo($clientId: ID!, $content: String!) {
    uploadClientLogo(clientId: $clientId, content: $content) { ...LogoFields }
  }
  ${LOGO_FIELDS}
`;
