import { mutate } from '../resourceProvider';

export const CHANGE_MY_PASSWORD = /* GraphQL */ `
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

export const accountActions = {
  // A wrong current password is BAD_USER_INPUT with field currentPassword: the form shows it there.
  changeMyPassword: (currentPassword: string, newPassword: string): Promise<boolean> =>
    mutate('changeMyPassword', CHANGE_MY_PASSWORD, { currentPassword, newPassword }),
};
