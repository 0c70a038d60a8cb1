import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StaffService } from '../staff/staff.service';
import { StaffMemberType } from '../staff/dto/staff-member.type';
import { AnyStaff, Public } from './access.decorators';
import { AuthService } from './auth.service';
import { ChangeMyPasswordArgs, SignInArgs, SignInResultType } from './dto/auth.dto';
import { AuthenticatedRequest, CurrentStaff, StaffPrincipal } from './principal';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: StaffService,
  ) {}

  @Mutation(() => SignInResultType, { description: 'Returns a token for the Authorization header.' })
  @Public()
  signIn(@Args() { email, password }: SignInArgs, @Context('req') req: AuthenticatedRequest) {
    return this.auth.signIn(email, password, { ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] });
  }

  @Mutation(() => Boolean, { description: 'Ends this session; its token stops working.' })
  @AnyStaff()
  async signOut(@CurrentStaff() me: StaffPrincipal) {
    await this.auth.signOut(me.sessionId);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Also ends your other sessions.' })
  @AnyStaff()
  async changeMyPassword(@Args() args: ChangeMyPasswordArgs, @CurrentStaff() me: StaffPrincipal, @Context('req') req: AuthenticatedRequest) {
    await this.auth.changePassword(me, args.currentPassword, args.newPassword, req.ip ?? 'unknown');
    return true;
  }

  @Query(() => StaffMemberType, { description: 'The signed-in member of staff.' })
  @AnyStaff()
  me(@CurrentStaff() me: StaffPrincipal) {
    return this.staff.get(me.id);
  }
}
