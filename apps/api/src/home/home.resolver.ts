import { Query, Resolver } from '@nestjs/graphql';
import { AnyStaff } from '../auth/access.decorators';
import { CurrentStaff, StaffPrincipal } from '../auth/principal';
import { HomeType } from './dto/home.types';
import { HomeService } from './home.service';

@Resolver(() => HomeType)
export class HomeResolver {
  constructor(private readonly homeService: HomeService) {}

  @Query(() => HomeType, { description: "The caller's home: the queues of their roles (every role's for an admin), counted by the server, with what is due today and the charts." })
  @AnyStaff()
  home(@CurrentStaff() me: StaffPrincipal) {
    return this.homeService.home(me);
  }
}
